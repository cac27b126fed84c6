"""Knowledge of the language that the kinds share: the dictionary and segmentation, pinyin,
confusion sets, a lexicon of published reports, and the typo and name-vote detectors.

Nothing here knows the rule engine: functions take text and return plain data, so the
kinds that use them stay thin and these modules survive changes to the engine contract.
"""
