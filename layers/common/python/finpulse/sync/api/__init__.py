"""What the sync and data endpoints answer: response models, shared parameters, reads."""
