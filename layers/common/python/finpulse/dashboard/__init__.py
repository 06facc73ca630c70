"""The dashboard service: the user's stored data and inputs → the pure engine → a versioned cache.

    pk USER#<uid>  sk INPUTS      the user's financial inputs (`inputs.py`)
                   sk DASHBOARD   the last computed dashboard, valid for one data version and one
                                  local day (`cache.py`)

Nothing here deletes a cache: every write of data or inputs bumps the user's data version
(`finpulse.sync.versioning`), and a cache computed from an older version is simply ignored.
"""
