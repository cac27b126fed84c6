"""Language knowledge that the rule kinds share: confusion sets, a domain lexicon, typo and name checks.

Nothing here knows the rule engine: functions take text and return plain data, so the
kinds that use them stay thin and these modules survive changes to the engine contract.
"""
