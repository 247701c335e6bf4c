// A strict parser for the XML the chart renderer writes (elements, attributes, text, the five entities and
// character references; no comments, CDATA or doctype). It throws on anything not well-formed, and returns the
// element tree so tests can look at what was drawn.
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string, where: number): string {
  if (text.includes("<")) throw new Error(`raw < at ${where}`);
  return text.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(";")) throw new Error(`bare & at ${where}`);
    if (body in ENTITIES) return ENTITIES[body];
    const code = /^#x[0-9a-f]+$/i.test(body) ? parseInt(body.slice(2), 16) : /^#\d+$/.test(body) ? Number(body.slice(1)) : NaN;
    if (!Number.isFinite(code)) throw new Error(`unknown entity &${body}; at ${where}`);
    return String.fromCodePoint(code);
  });
}

export function parseXml(source: string): XmlElement {
  let at = 0;
  const declaration = source.match(/^<\?xml[^?]*\?>\s*/);
  if (declaration) at = declaration[0].length;
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(source)) throw new Error("control character");
  const root: XmlElement = { name: "#document", attributes: {}, children: [] };
  const stack = [root];
  while (at < source.length) {
    const open = source.indexOf("<", at);
    const text = source.slice(at, open === -1 ? source.length : open);
    if (text) {
      if (stack.length === 1 && text.trim()) throw new Error(`text outside the root at ${at}`);
      if (stack.length > 1) stack[stack.length - 1].children.push(decode(text, at));
    }
    if (open === -1) break;
    const close = source.indexOf(">", open);
    if (close === -1) throw new Error(`unclosed tag at ${open}`);
    const tag = source.slice(open + 1, close);
    at = close + 1;
    if (tag.startsWith("/")) {
      const element = stack.pop()!;
      if (stack.length === 0 || element.name !== tag.slice(1).trim()) throw new Error(`</${tag.slice(1)}> closes <${element.name}> at ${open}`);
      continue;
    }
    const name = tag.match(NAME)?.[0];
    if (!name) throw new Error(`bad tag name at ${open}`);
    const selfClosing = tag.endsWith("/");
    let rest = tag.slice(name.length, selfClosing ? -1 : undefined);
    const attributes: Record<string, string> = {};
    while (rest.trim()) {
      const match = rest.match(/^\s+([A-Za-z_][\w.:-]*)="([^"]*)"/);
      if (!match) throw new Error(`bad attribute in <${name}> at ${open}: ${rest.slice(0, 30)}`);
      if (match[1] in attributes) throw new Error(`duplicate attribute ${match[1]} at ${open}`);
      attributes[match[1]] = decode(match[2], open);
      rest = rest.slice(match[0].length);
    }
    const element: XmlElement = { name, attributes, children: [] };
    if (stack.length === 1 && root.children.length) throw new Error("second root element");
    stack[stack.length - 1].children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> not closed`);
  if (root.children.length !== 1 || typeof root.children[0] === "string") throw new Error("no root element");
  return root.children[0];
}

export function findAll(element: XmlElement, test: (element: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child === "string") continue;
    if (test(child)) found.push(child);
    found.push(...findAll(child, test));
  }
  return found;
}

/** The text of an element, its <title> left out (that is a tooltip, not drawn text). */
export function drawnText(element: XmlElement): string {
  return element.children.map((child) => (typeof child === "string" ? child : child.name === "title" ? "" : drawnText(child))).join("");
}
