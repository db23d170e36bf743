"""WordprocessingML as the .docx reader reads it: element names and small attribute helpers."""

from __future__ import annotations

from lxml import etree

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_NS = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_P, W_TBL, W_TR, W_TC, W_R, W_T = (W_NS + t for t in ("p", "tbl", "tr", "tc", "r", "t"))
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML, W_BODY = W_NS + "sdt", W_NS + "sdtContent", W_NS + "customXml", W_NS + "body"
W_PPR, W_RPR, W_TRPR, W_TCPR = W_NS + "pPr", W_NS + "rPr", W_NS + "trPr", W_NS + "tcPr"
W_PSTYLE, W_OUTLINE, W_NUMPR, W_NUMID, W_ILVL = W_NS + "pStyle", W_NS + "outlineLvl", W_NS + "numPr", W_NS + "numId", W_NS + "ilvl"
W_B, W_TBL_HEADER, W_GRID_SPAN, W_GRID_BEFORE = W_NS + "b", W_NS + "tblHeader", W_NS + "gridSpan", W_NS + "gridBefore"
W_TAB, W_PTAB, W_BR, W_CR, W_NB_HYPHEN = W_NS + "tab", W_NS + "ptab", W_NS + "br", W_NS + "cr", W_NS + "noBreakHyphen"
W_TXBX, W_MOVE_FROM = W_NS + "txbxContent", W_NS + "moveFrom"
W_RANGE_START, W_RANGE_END, W_COMMENT_REF = W_NS + "commentRangeStart", W_NS + "commentRangeEnd", W_NS + "commentReference"
W_VAL, W_ID, W_TYPE = W_NS + "val", W_NS + "id", W_NS + "type"
MC_ALTERNATE, MC_CHOICE = MC_NS + "AlternateContent", MC_NS + "Choice"

SPACE_TAGS = frozenset((W_TAB, W_PTAB, W_BR, W_CR))
MARKER_TAGS = frozenset((W_RANGE_START, W_RANGE_END, W_COMMENT_REF))
SLOW_TAGS = frozenset((W_TXBX, MC_ALTERNATE, W_MOVE_FROM))
OTHER_TAGS = frozenset((*SPACE_TAGS, W_NB_HYPHEN, *MARKER_TAGS, *SLOW_TAGS))
_OFF = frozenset(("0", "false", "off", "none"))


def child(element: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child of ``element`` named ``tag`` (None when there is none), as
    ``element.find(tag)`` finds it: a loop over the children, since ``find`` goes through
    lxml's path language (about 1.1 µs a call against 0.1 µs for the few children of a
    property element; the reading of a paragraph made some ten of these calls)."""
    if element is not None:
        for candidate in element:
            if candidate.tag == tag:
                return candidate
    return None


def value_of(element: etree._Element | None) -> str | None:
    return element.get(W_VAL) if element is not None else None


def int_attribute(element: etree._Element | None, attribute: str = W_VAL) -> int | None:
    """An integer attribute (``w:val`` unless named), None when absent or not a number."""
    value = element.get(attribute) if element is not None else None
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def is_on(element: etree._Element) -> bool:
    """A Word on/off property (``<w:b/>``, ``<w:b w:val="0"/>``)."""
    return element.get(W_VAL, "1").lower() not in _OFF
