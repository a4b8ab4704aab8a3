import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  requirePseudonymKey
} from "./chunk-QZMDBDMZ.js";
import {
  addFormatOption,
  collect,
  outputFormat,
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import {
  findPseudonyms,
  reveal
} from "./chunk-BSFTEBY6.js";
import "./chunk-B5GPVALP.js";
import {
  loadDocument
} from "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import {
  readFileChecked
} from "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-VLIFT7NW.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/reveal.ts
function register(program) {
  const cmd = program.command("reveal").description("map keyed pseudonyms in a record back to candidate values (needs the team's key)").argument("<file>", "provenance.intoto.json or a bundle").option("--candidates <file>", "a file of candidate values, one a line (repeatable)", collect, []).option("--value <v>", "a candidate value (repeatable)", collect, []).option("--pseudonym-key-file <file>", "the key (default: env ML_PROVENANCE_PSEUDONYM_KEY)");
  addFormatOption(cmd, ["text"], "text").action(
    run(async (file, o) => {
      outputFormat(o);
      const key = await requirePseudonymKey(o.pseudonymKeyFile);
      const { statement } = await loadDocument(file);
      const candidates = [...o.value];
      for (const f of o.candidates) {
        const text = (await readFileChecked(f, "candidates file")).toString("utf8");
        candidates.push(...text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
      }
      const found = findPseudonyms(statement.predicate).map((f) => ({ ...f, value: reveal(f.pseudonym, candidates, key) ?? null }));
      if (o.format === "json") {
        processIo.out(JSON.stringify({ keyId: key.id, pseudonyms: found }, null, 2));
      } else if (found.length === 0) {
        processIo.out("no pseudonyms in this record");
      } else {
        for (const f of found) processIo.out(`${f.pointer}	${f.value ?? `(no candidate matches${[key.id, key.earlier?.id].includes(f.pseudonym.slice(6, 14)) ? "" : ": made with another key"})`}`);
      }
      const unresolved = found.filter((f) => f.value === null).length;
      return unresolved ? 1 : 0;
    })
  );
}
__name(register, "register");
export {
  register
};
