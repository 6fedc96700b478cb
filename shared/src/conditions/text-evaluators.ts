import type { Condition } from './condition.js';
import {
  type ConditionOutcome,
  type Evaluate,
  type EvaluatorFactory,
  expectation,
  membership,
  passRelation,
  presence,
  regexOf,
  requiredValue,
  showList,
  snippet,
  valueText,
} from './condition-phrases.js';
import type { Observation } from './observation.js';

/** How a text subject reads its value and words its sentences. */
interface TextSubject {
  label: string;
  /** The text, or the sentence saying why there is none. */
  read(obs: Observation): { text: string } | { missing: string };
  /** The label with the value inline where it is short enough to help (headers, not bodies). */
  labelWith(text: string): string;
  present(text: string): string;
}

/** Compiles a condition on text: ==, !=, contains, matches, in and their negations, exists. */
function compileText(c: Condition, subject: TextSubject): Evaluate {
  const { op } = c;
  if (op === 'exists' || op === 'not exists') {
    return (obs) => {
      const read = subject.read(obs);
      return 'text' in read ? presence(op, subject.present(read.text), '') : presence(op, null, read.missing);
    };
  }
  const judge =
    op.endsWith('contains') || op.endsWith('matches') ? searchJudge(c, subject) : equalityJudge(c, subject);
  return (obs) => {
    const read = subject.read(obs);
    return 'text' in read ? judge(read.text) : { pass: false, message: read.missing };
  };
}

/** contains / matches and their negations: `body does not contain "ok"`. */
function searchJudge(c: Condition, subject: TextSubject): (text: string) => ConditionOutcome {
  const value = requiredValue(c);
  const shown = valueText(c);
  const negated = c.op.startsWith('not ');
  const regex = c.op.endsWith('matches') ? regexOf(value) : null;
  const needle = value.kind === 'string' ? value.value : '';
  const [yes, no] = regex ? ['matches', 'does not match'] : ['contains', 'does not contain'];
  return (text) => {
    const found = regex ? regex.test(text) : text.includes(needle);
    const pass = found !== negated;
    return {
      pass,
      message: `${pass ? subject.label : subject.labelWith(text)} ${found ? yes : no} ${shown}`,
    };
  };
}

/** ==, !=, in, not in: `header content-type was "text/html", expected "application/json"`. */
function equalityJudge(c: Condition, subject: TextSubject): (text: string) => ConditionOutcome {
  const { op } = c;
  const value = requiredValue(c);
  const shown = valueText(c);
  let test: (text: string) => boolean;
  if (op === '==' || op === '!=') {
    const wanted = value.kind === 'string' ? value.value : '';
    test = op === '==' ? (text) => text === wanted : (text) => text !== wanted;
  } else {
    const member = membership(value);
    test = op === 'in' ? member : (text) => !member(text);
  }
  const passWords = ` ${passRelation(op, value)} ${shown}`;
  const failWords = `, expected ${expectation(op, shown, value)}`;
  return (text) =>
    test(text)
      ? { pass: true, message: `${subject.label} ${snippet(text)}${passWords}` }
      : { pass: false, message: `${subject.label} was ${snippet(text)}${failWords}` };
}

/** `body contains "ok"` → `body does not contain "ok"`. */
export const compileBody: EvaluatorFactory = (c) =>
  compileText(c, {
    label: 'body',
    read: (obs) => (obs.body === undefined ? { missing: 'body was not observed' } : { text: obs.body }),
    labelWith: () => 'body',
    present: (text) => `body of ${text.length} characters was observed`,
  });

/** `header content-type contains "json"` → `header content-type is missing`. */
export const compileHeader: EvaluatorFactory = (c) => {
  const name = c.subject.kind === 'header' ? c.subject.name : '';
  const label = `header ${name}`;
  const notObserved = { missing: `${label} was not observed` };
  const missing = { missing: `${label} is missing` };
  return compileText(c, {
    label,
    read: (obs) => {
      if (obs.headers === undefined) return notObserved;
      const text = obs.headers[name];
      return text === undefined ? missing : { text };
    },
    labelWith: (text) => `${label} ${snippet(text)}`,
    present: (text) => `${label} is present (${snippet(text)})`,
  });
};

/** `dns.answers contains "10.0.0.1"` → `dns answers [1.2.3.4] do not contain "10.0.0.1"`. */
export const compileDnsAnswers: EvaluatorFactory = (c) => {
  const { op } = c;
  const notObserved = 'dns answers were not observed';
  if (op === 'exists' || op === 'not exists') {
    return (obs) => {
      const answers = obs.dnsAnswers;
      if (answers === undefined) return presence(op, null, notObserved);
      return presence(
        op,
        answers.length > 0 ? `dns answers ${showList(answers)} were observed` : null,
        'dns answers were empty',
      );
    };
  }
  const value = requiredValue(c);
  const shown = valueText(c);
  const negated = op.startsWith('not ');
  if (op === 'contains' || op === 'not contains') {
    const needle = value.kind === 'string' ? value.value : '';
    return (obs) => {
      const answers = obs.dnsAnswers;
      if (answers === undefined) return { pass: false, message: notObserved };
      const found = answers.includes(needle);
      if (found !== negated)
        return { pass: true, message: `dns answers ${found ? 'contain' : 'do not contain'} ${shown}` };
      return {
        pass: false,
        message: `dns answers ${showList(answers)} ${found ? 'contain' : 'do not contain'} ${shown}`,
      };
    };
  }
  const regex = regexOf(value);
  return (obs) => {
    const answers = obs.dnsAnswers;
    if (answers === undefined) return { pass: false, message: notObserved };
    const hit = answers.find((answer) => regex.test(answer));
    const pass = (hit !== undefined) !== negated;
    if (hit !== undefined) return { pass, message: `dns answer ${snippet(hit)} matches ${shown}` };
    return {
      pass,
      message: pass
        ? `no dns answer matches ${shown}`
        : `no dns answer in ${showList(answers)} matches ${shown}`,
    };
  };
};
