// Where a JSON text is broken, and why, in words a person editing a plan can act on. Engines disagree on
// JSON.parse messages (V8 in Node 20 gives no position for "Unexpected token"), so this scans the text
// itself. Only runs after JSON.parse has failed.

export interface JsonError {
  line: number;
  column: number;
  message: string;
}

class Fail {
  constructor(
    readonly at: number,
    readonly message: string,
  ) {}
}

const MAX_DEPTH = 512;

function shown(c: string | undefined): string {
  return c === undefined ? 'end of text' : `'${c}'`;
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonError(text: string): JsonError | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const str = (): void => {
    i++; // the opening quote
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n') throw new Fail(i, 'unterminated string (a closing " is missing)');
      if (c === '"') {
        i++;
        return;
      }
      if (c < ' ') throw new Fail(i, 'control character in a string (write \\n, \\t…)');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Fail(i, 'bad \\u escape (four hex digits)');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) throw new Fail(i, `bad escape \\${e ?? ''} in a string`);
        i += 2;
        continue;
      }
      i++;
    }
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new Fail(i, 'nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === '}') throw new Fail(i, "trailing comma before '}': remove it");
        if (text[i] !== '"') {
          throw new Fail(
            i,
            text[i] === "'"
              ? 'property names take double quotes, not single'
              : `expected a double-quoted property name, found ${shown(text[i])}`,
          );
        }
        str();
        ws();
        if (text[i] !== ':') throw new Fail(i, `expected ':' after the property name, found ${shown(text[i])}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        throw new Fail(i, `expected ',' or '}' after a property value, found ${shown(text[i])}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') throw new Fail(i, "trailing comma before ']': remove it");
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        throw new Fail(i, `expected ',' or ']' after an array element, found ${shown(text[i])}`);
      }
    }
    if (c === '"') return str();
    if (c === "'") throw new Fail(i, 'strings take double quotes, not single');
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal && !/[\w.]/.test(text[i + literal[0].length] ?? '')) {
      i += literal[0].length;
      return;
    }
    throw new Fail(i, c === undefined ? 'unexpected end of text' : `unexpected ${shown(c)} where a value should be`);
  };
  try {
    value(0);
    ws();
    if (i < text.length) throw new Fail(i, `unexpected ${shown(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    const before = text.slice(0, e.at);
    const line = before.split('\n').length;
    const column = e.at - before.lastIndexOf('\n');
    return { line, column, message: e.message };
  }
}
