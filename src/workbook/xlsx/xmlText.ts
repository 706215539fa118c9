/** Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE/U+FFFF; lone surrogates). */
const INVALID_XML_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text made safe for XML element content and double- or single-quoted attribute values: the five
 * predefined entities escaped, characters XML 1.0 forbids dropped.
 * @example escapeXml(`Tom & Jerry's "<b>"`) // => 'Tom &amp; Jerry&apos;s &quot;&lt;b&gt;&quot;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARACTERS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The text of an XML attribute value or element content with entity and character references decoded.
 * @example unescapeXml('It&apos;s &amp; &#65;&#x42;') // => "It's & AB"
 */
export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_entity, name: string) => {
    switch (name) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    }
  });
}
