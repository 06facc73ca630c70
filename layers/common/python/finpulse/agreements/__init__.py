"""Acting on advice at the banks: the product catalog, opening and closing product agreements.

eligibility / consent   what the user's product consent allows (stored terms, or the bank's now)
catalog                 `GET /api/products`: every connected bank's stored catalog, filtered
"""
