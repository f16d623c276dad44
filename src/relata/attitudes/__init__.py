"""Attitudes: who is for or against whom in a document, from events and sentiment."""
