"""Stance: who is for or against whom in a document (attitudes), from coded events and
the targeted sentiment toward actors."""
