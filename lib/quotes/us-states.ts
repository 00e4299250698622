/**
 * The states of the United States with the abbreviations US news copy writes after a party
 * letter (`Sen. Jeff Flake, R-Ariz.`, `Rep. Ann Lowe (D-N.Y.)`, `R-TX`): the AP Stylebook's
 * abbreviations (states of five letters or fewer, and Alaska and Hawaii, are written in full) and
 * the USPS two-letter codes. Used to tie `the Arizona Republican` to the person introduced with
 * `R-Ariz.` (lib/quotes/speaker.ts).
 */
const STATES: readonly (readonly [name: string, ap: string, usps: string])[] = [
  ['Alabama', 'Ala.', 'AL'], ['Alaska', 'Alaska', 'AK'], ['Arizona', 'Ariz.', 'AZ'], ['Arkansas', 'Ark.', 'AR'],
  ['California', 'Calif.', 'CA'], ['Colorado', 'Colo.', 'CO'], ['Connecticut', 'Conn.', 'CT'], ['Delaware', 'Del.', 'DE'],
  ['Florida', 'Fla.', 'FL'], ['Georgia', 'Ga.', 'GA'], ['Hawaii', 'Hawaii', 'HI'], ['Idaho', 'Idaho', 'ID'],
  ['Illinois', 'Ill.', 'IL'], ['Indiana', 'Ind.', 'IN'], ['Iowa', 'Iowa', 'IA'], ['Kansas', 'Kan.', 'KS'],
  ['Kentucky', 'Ky.', 'KY'], ['Louisiana', 'La.', 'LA'], ['Maine', 'Maine', 'ME'], ['Maryland', 'Md.', 'MD'],
  ['Massachusetts', 'Mass.', 'MA'], ['Michigan', 'Mich.', 'MI'], ['Minnesota', 'Minn.', 'MN'], ['Mississippi', 'Miss.', 'MS'],
  ['Missouri', 'Mo.', 'MO'], ['Montana', 'Mont.', 'MT'], ['Nebraska', 'Neb.', 'NE'], ['Nevada', 'Nev.', 'NV'],
  ['New Hampshire', 'N.H.', 'NH'], ['New Jersey', 'N.J.', 'NJ'], ['New Mexico', 'N.M.', 'NM'], ['New York', 'N.Y.', 'NY'],
  ['North Carolina', 'N.C.', 'NC'], ['North Dakota', 'N.D.', 'ND'], ['Ohio', 'Ohio', 'OH'], ['Oklahoma', 'Okla.', 'OK'],
  ['Oregon', 'Ore.', 'OR'], ['Pennsylvania', 'Pa.', 'PA'], ['Rhode Island', 'R.I.', 'RI'], ['South Carolina', 'S.C.', 'SC'],
  ['South Dakota', 'S.D.', 'SD'], ['Tennessee', 'Tenn.', 'TN'], ['Texas', 'Texas', 'TX'], ['Utah', 'Utah', 'UT'],
  ['Vermont', 'Vt.', 'VT'], ['Virginia', 'Va.', 'VA'], ['Washington', 'Wash.', 'WA'], ['West Virginia', 'W.Va.', 'WV'],
  ['Wisconsin', 'Wis.', 'WI'], ['Wyoming', 'Wyo.', 'WY'],
];

/** Folded form of an abbreviation: no dots or spaces, lower case (`N.Y.` → `ny`, `W. Va.` → `wva`). */
const key = (s: string): string => s.replace(/[.\s]/gu, '').toLowerCase();

/** The state a written abbreviation or name stands for (`Ariz.`, `AZ`, `Arizona`, `Tex.`), or null. */
const BY_FORM = new Map<string, string>();
for (const [name, ap, usps] of STATES) for (const form of [name, ap, usps]) BY_FORM.set(key(form), name);
// (Older and other usual forms: `Tex.`, `Penn.`, `Cal.`, `Wisc.`.)
for (const [form, name] of [['Tex.', 'Texas'], ['Penn.', 'Pennsylvania'], ['Cal.', 'California'], ['Wisc.', 'Wisconsin']] as const) BY_FORM.set(key(form), name);

export function usState(form: string): string | null {
  return BY_FORM.get(key(form)) ?? null;
}
