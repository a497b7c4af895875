"""Reading and checking data/: every file parsed with its positions, validated, and checked against the others."""
