"""The monitoring team's and team leads' figures: turnaround against the norms, backlog, classifier quality."""
