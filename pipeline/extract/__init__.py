"""The NLP: model loading, actors, dates, and the meeting and contribution extractors.

Patterns and gazetteers are data files in ``data/``; the code here reads them, it does not hold them.
"""
