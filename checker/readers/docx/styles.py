"""Paragraph styles: which make headings, list items and table-of-contents entries, through
the chain of styles each is based on."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...lazyre import lazy_compile
from .ooxml import (
    W_B,
    W_ILVL,
    W_NS,
    W_NUMID,
    W_NUMPR,
    W_OUTLINE,
    W_PPR,
    W_RPR,
    W_TYPE,
    W_VAL,
    int_attribute,
    is_on,
    value_of,
)

_HEADING_STYLE = lazy_compile(r"(?i)^(?:heading|rubrik)\s*([1-9])$")
_TITLE_STYLE = lazy_compile(r"(?i)^(?:title|rubrik|titel)$")
_LIST_STYLE = lazy_compile(r"(?i)^(?:list\s*(?:bullet|number|paragraph)|liststycke|punktlista|numrerad\s*lista)(?:\s*\d)?$")
_TOC_STYLE = lazy_compile(r"(?i)^(?:toc|innehll|innehåll(?:sförteckning)?)\s*[1-9]$")


@dataclass(frozen=True)
class Style:
    """What a paragraph style (with the styles it is based on) says about its paragraphs."""

    id: str | None = None
    heading_level: int | None = None
    numbering: tuple[str | None, int | None] | None = None  # (numId, ilvl) from w:numPr
    numbering_style: str | None = None  # the style that carries the numPr (for level links)
    bold: bool = False
    is_list: bool = False
    is_toc: bool = False


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self._raw: dict[str, etree._Element] = {}
        self._default: str | None = None
        self._resolved: dict[str | None, Style] = {}
        for style in root if root is not None else ():
            if style.tag != W_NS + "style" or style.get(W_TYPE) not in ("paragraph", "numbering"):
                continue
            style_id = style.get(W_NS + "styleId")
            if style_id is None:
                continue
            self._raw[style_id] = style
            if style.get(W_TYPE) == "paragraph" and style.get(W_NS + "default") in ("1", "true", "on"):
                self._default = style_id

    def get(self, style_id: str | None) -> Style:
        """The resolved style; the document's default paragraph style for None or unknown ids."""
        if style_id not in self._raw:
            style_id = self._default
        style = self._resolved.get(style_id)
        if style is None:
            style = self._resolved[style_id] = self._resolve(style_id)
        return style

    def numbering_of(self, style_id: str) -> str | None:
        """The numId of a numbering style (for ``w:numStyleLink``)."""
        numbering = self._resolve(style_id).numbering
        return numbering[0] if numbering else None

    def _chain(self, style_id: str | None) -> list[tuple[str, etree._Element]]:
        chain: list[tuple[str, etree._Element]] = []
        while style_id in self._raw and len(chain) < 16 and all(style_id != seen for seen, _ in chain):
            element = self._raw[style_id]
            chain.append((style_id, element))
            based = element.find(W_NS + "basedOn")
            style_id = based.get(W_VAL) if based is not None else None
        return chain

    def _resolve(self, style_id: str | None) -> Style:
        chain = self._chain(style_id)
        if not chain:
            return Style()
        names = [[value_of(element.find(W_NS + "name")) or "", owner] for owner, element in chain]
        level: int | None = None
        level_found = False
        numbering: tuple[str | None, int | None] | None = None
        numbering_style: str | None = None
        bold: bool | None = None
        for (owner, element), own_names in zip(chain, names):
            properties = element.find(W_PPR)
            if not level_found:
                heading = next((m for m in map(_HEADING_STYLE.match, own_names) if m), None)
                outline = int_attribute(properties.find(W_OUTLINE)) if properties is not None else None
                if heading:
                    level, level_found = int(heading.group(1)), True
                elif any(_TITLE_STYLE.match(name) for name in own_names):
                    level, level_found = 1, True
                elif outline is not None:
                    level, level_found = (outline + 1 if outline < 9 else None), True
            if numbering is None and properties is not None and (num_pr := properties.find(W_NUMPR)) is not None:
                numbering, numbering_style = (value_of(num_pr.find(W_NUMID)), int_attribute(num_pr.find(W_ILVL))), owner
            if bold is None and (run_properties := element.find(W_RPR)) is not None and (b := run_properties.find(W_B)) is not None:
                bold = is_on(b)
        return Style(
            id=chain[0][0],
            heading_level=level,
            numbering=numbering,
            numbering_style=numbering_style,
            bold=bool(bold),
            is_list=any(_LIST_STYLE.match(name) for own in names for name in own),
            is_toc=any(_TOC_STYLE.match(name) for name in names[0]),
        )
