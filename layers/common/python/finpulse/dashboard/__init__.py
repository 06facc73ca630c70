"""The dashboard service: the user's stored data and inputs → the pure engine → a versioned cache.

The items (the user's inputs, the cached dashboard) are the data layer's (`finpulse.data.inputs`,
`finpulse.data.dashboard_cache`). Nothing here deletes a cache: every write of data or inputs bumps
the user's data version (`finpulse.data.versioning`), and a cache computed from an older version
is simply ignored.
"""
