"""A live Bitrix24 portal over an incoming webhook (no Qt below this line).

``webhook``  the webhook address and its secret (never shown, logged or stored
             outside the keyring)
``client``   HTTP calls within the portal's limits: rate, batch, list paging,
             retries, errors in the operator's words
``vocabulary`` Bitrix24's codes (SOURCE_ID, IM value types) as deskdup channels
``link``     which portal a workspace is linked to (``workspace_meta``)
``sync``     pulling the portal's users, contacts, leads and chats into the
             workspace, incrementally
``records``  the portal's records written into the workspace's tables (by the
             pull, and by a merge for the leads it changed)
``merge``    a merge written to the portal as a journaled, resumable sequence
``merge_portal`` the requests of its steps: read the group, make it agree, put
             it back, tell what still differs
``backend``  ``Bitrix24Backend``: the ``CrmBackend`` protocol over all of it
"""
