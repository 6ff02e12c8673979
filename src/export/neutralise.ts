/**
 * Formula-injection defence (OWASP "CSV injection"): spreadsheet programs evaluate a text cell that
 * starts with = + - @ (or a TAB/CR that hides one), also when it arrives by paste. Municipality
 * names and variable labels come from user files, so every TEXT cell leaving the app goes through
 * here. Numbers are never passed in: a negative number is a number, not text.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function neutraliseText(s: string): string {
  return DANGEROUS_START.test(s) ? `'${s}` : s;
}

export function isDangerousText(s: string): boolean {
  return DANGEROUS_START.test(s);
}
