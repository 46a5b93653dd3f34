import assert from "node:assert/strict";
import { compactNumbers, escapeXml, withXmlns } from "./svg.ts";

Deno.test("withXmlns adds the namespace once, on the root only", () => {
  const svg = '<svg width="2"><svg width="1"></svg></svg>';
  const fixed = withXmlns(svg);
  assert.equal(
    fixed,
    '<svg xmlns="http://www.w3.org/2000/svg" width="2"><svg width="1"></svg></svg>',
  );
  assert.equal(withXmlns(fixed), fixed);
});

Deno.test("withXmlns rejects markup that is not SVG", () => {
  assert.throws(() => withXmlns("<figure></figure>"), /expected SVG markup/);
});

Deno.test("compactNumbers rounds geometry but not text", () => {
  const svg = '<path d="M40,159.99999999999997L1.234567,-0.001"/><text y="0.32em">0.0001</text>';
  assert.equal(
    compactNumbers(svg),
    '<path d="M40,160L1.23,0"/><text y="0.32em">0.0001</text>',
  );
});

Deno.test("escapeXml escapes markup characters", () => {
  assert.equal(escapeXml(`a<b & "c"`), "a&#60;b &#38; &#34;c&#34;");
});
