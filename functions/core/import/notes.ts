/**
 * What an import could not put into the model, said once per field and reason, in the order
 * found: the command prints these so that nothing is dropped silently.
 */
export class Notes {
  private constructor(
    private readonly lines: string[],
    private readonly seen: Set<string>,
    private readonly prefix: string,
  ) {}

  static create(): Notes {
    return new Notes([], new Set(), '');
  }

  /** `where` names the field (`title`, `contributors[2]`); `what` says what happened to the data. */
  add(where: string, what: string): void {
    const at = [this.prefix, where].filter((s) => s !== '').join(': ');
    const line = at ? `${at}: ${what}` : what;
    if (this.seen.has(line)) return;
    this.seen.add(line);
    this.lines.push(line);
  }

  /** The same list, with every note prefixed by the record it belongs to (`10.1234/x`). */
  scoped(prefix: string): Notes {
    return new Notes(this.lines, this.seen, [this.prefix, prefix].filter((s) => s !== '').join(': '));
  }

  get list(): readonly string[] {
    return this.lines;
  }
}
