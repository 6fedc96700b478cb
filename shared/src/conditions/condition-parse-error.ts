/** Why a condition's text did not parse, at a 0-based character position. */
export interface ConditionParseError {
  /** 0-based index of the character where the problem starts (the text's length at its end). */
  position: number;
  /** What would have been valid there, e.g. `an operator (==, !=, ...)`. */
  expected: string;
  /** The whole sentence for people, starting with `at <position>:`. */
  message: string;
}

const FOUND_MAX = 24;

/** An error of the usual shape: `at 7: expected <expected> but found "foo"`. */
export function expectedAt(
  text: string,
  position: number,
  expected: string,
  found = describeFound(text, position),
): ConditionParseError {
  return { position, expected, message: `at ${position}: expected ${expected} but found ${found}` };
}

/** An error whose sentence says more than "expected X"; `expected` still names what is valid there. */
export function problemAt(position: number, expected: string, problem: string): ConditionParseError {
  return { position, expected, message: `at ${position}: ${problem}` };
}

/** The text at a position as an error shows it: the next word in quotes, or the end. */
export function describeFound(text: string, position: number): string {
  if (position >= text.length) return 'the end of the condition';
  const rest = text.slice(position);
  const word = /^[^\s]+/.exec(rest)?.[0] ?? rest.slice(0, 1);
  const shown = word.length > FOUND_MAX ? `${word.slice(0, FOUND_MAX)}…` : word;
  return JSON.stringify(shown);
}
