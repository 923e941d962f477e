/**
 * Parses a flat JSON object (`{"key": value, ...}` with primitive values) into ordered pairs.
 * `JSON.parse` cannot be used for Keras' nested Tokenizer maps: it moves integer-like keys (a token
 * such as "2024") to the front, and word_counts order decides future tie-breaks. Throws a
 * SyntaxError describing the offset on malformed input.
 */
export function parseOrderedObject(text: string): Array<[string, unknown]> {
  const parser = new FlatObjectParser(text);
  return parser.parse();
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: Array<[string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

class FlatObjectParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): Array<[string, unknown]> {
    const pairs: Array<[string, unknown]> = [];
    this.skipSpace();
    this.expect('{');
    this.skipSpace();
    if (this.peek() === '}') {
      this.pos++;
    } else {
      for (;;) {
        this.skipSpace();
        const key = this.readString();
        this.skipSpace();
        this.expect(':');
        this.skipSpace();
        pairs.push([key, this.readValue()]);
        this.skipSpace();
        if (this.peek() === ',') {
          this.pos++;
          continue;
        }
        this.expect('}');
        break;
      }
    }
    this.skipSpace();
    if (this.pos !== this.text.length) this.error('end of input');
    return pairs;
  }

  private readValue(): unknown {
    const c = this.peek();
    if (c === '"') return this.readString();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) this.error('a string, number, true, false or null');
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private readString(): string {
    if (this.peek() !== '"') this.error('a string');
    let end = this.pos + 1;
    while (end < this.text.length && this.text[end] !== '"') end += this.text[end] === '\\' ? 2 : 1;
    if (end >= this.text.length) this.error('a closing quote');
    const literal = this.text.slice(this.pos, end + 1);
    this.pos = end + 1;
    try {
      return JSON.parse(literal) as string;
    } catch {
      this.error('a valid JSON string');
    }
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  private peek(): string {
    return this.text[this.pos];
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) this.error(`"${ch}"`);
    this.pos++;
  }

  private error(expected: string): never {
    throw new SyntaxError(`expected ${expected} at offset ${this.pos}`);
  }
}
