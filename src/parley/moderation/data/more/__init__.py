"""Extra authored data for the text classifier (text-v2 to text-v5): new template families, seller
slang in several languages and many more hard negatives. `build_extra` turns them into
`train_extra.jsonl` and `dev.jsonl` without touching `train.jsonl` or `heldout.jsonl`;
`build_swap`, `build_resample` and `build_frames` write the further training files
(`train_swap.jsonl`, `train_resample.jsonl`, `train_frames.jsonl`) and change no other.
`build_fresh` writes the evaluation splits `dev2.jsonl` and `heldout2.jsonl`, and
`build_authored` the training posts of text-v6, `train_fresh.jsonl`, from posts written
freely (docs/moderation.md)."""
