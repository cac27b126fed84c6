"""Knowledge of the language shared by the kinds: the dictionary, segmentation."""
