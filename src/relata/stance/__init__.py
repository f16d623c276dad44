"""Stance: who is for or against whom in a document (attitudes), from coded events and
the targeted sentiment toward actors."""

# Here, not in `document`, so that the command line reads it without loading the model.
THRESHOLD = 0.1  # the smallest absolute score of a pair that is an attitude
