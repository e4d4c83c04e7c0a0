"""Text that XML 1.0 can hold, for the GraphML and GEXF exports.

XML 1.0 forbids most control characters even as character references, so a name scraped with
one made networkx fail mid-file (an empty GraphML file) and ElementTree write a GEXF file no
parser accepts. They are dropped: they carry no meaning in a name or label.
"""

from __future__ import annotations

import re

# Outside XML 1.0's Char production: C0 controls but tab, newline and carriage return;
# lone surrogates; U+FFFE and U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    """`value` without the characters XML 1.0 cannot hold; other types unchanged."""
    return NOT_XML.sub("", value) if isinstance(value, str) else value
