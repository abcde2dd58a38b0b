// Escaping for the XML formats (GraphML, GEXF).

// Characters XML 1.0 cannot carry at all (C0 controls but tab/newline/return, lone surrogates,
// U+FFFE/U+FFFF). They are dropped: no escape can represent them.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&apos;',
  // Parsers normalise raw whitespace in attribute values to spaces; character references survive.
  '\t': '&#9;',
  '\n': '&#10;',
};

/** `value` as XML character data (a carriage return as a reference: parsers would drop it). */
export const xmlText = (value: string): string => value.replace(NOT_XML, '').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);

/** `value` as a double- or single-quoted XML attribute value. */
export const xmlAttribute = (value: string): string =>
  value.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
