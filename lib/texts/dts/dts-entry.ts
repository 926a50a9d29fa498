import { DTS_CONTEXT, DTS_ENTRY_PATH, DTS_VERSION, TEMPLATES } from "./dts-vocabulary.ts";

/** The DTS entry endpoint's answer: where the three endpoints are, as URI templates. */
export function dtsEntry() {
  return {
    "@context": DTS_CONTEXT,
    "@id": DTS_ENTRY_PATH,
    "@type": "EntryPoint",
    dtsVersion: DTS_VERSION,
    ...TEMPLATES,
  };
}
