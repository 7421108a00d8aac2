"""Extra authored data for the text classifier (text-v2 to text-v4): new template families, seller
slang in several languages and many more hard negatives. `build_extra` turns them into
`train_extra.jsonl` and `dev.jsonl` without touching `train.jsonl` or `heldout.jsonl`."""
