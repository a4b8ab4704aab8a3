"""What the outside world reads from `file:` URIs: Python's urllib.parse and an RFC 3986/3987
validator (the rfc3987 package, which jsonschema's FormatChecker also uses for `uri` and
`uri-reference`). Reads [[uri, path], ...] as JSON on stdin; prints one JSON object per pair."""
import json
import sys
from urllib.parse import quote, unquote, urlsplit

import jsonschema
import rfc3987

checker = jsonschema.FormatChecker()
out = []
for uri, path in json.load(sys.stdin):
    parts = urlsplit(uri)
    out.append({
        "uri": uri,
        # RFC 3986 `URI` production (rfc3987's regular expressions are the RFC's grammar).
        "rfc3986": rfc3987.match(uri, rule="URI") is not None,
        "uriReference": checker.conforms(uri, "uri-reference"),
        "scheme": parts.scheme,
        # The path urllib reads, percent-decoded as UTF-8; no query or fragment split off.
        "path": unquote(parts.path, errors="strict"),
        "query": parts.query,
        "fragment": parts.fragment,
        # The path as Python percent-encodes it, keeping RFC 3986's path characters.
        "quoted": None if path is None else "file:" + quote(path, safe="/!$&'()*+,;=:@~"),
    })
json.dump(out, sys.stdout)
