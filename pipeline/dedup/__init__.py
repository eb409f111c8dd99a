"""Cross-source deduplication: canonical keys, merging of mentions, and the stateful DoFn that holds them."""
