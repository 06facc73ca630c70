"""One bank of one user: bank calls, normalising, applying what arrived to what is stored."""
