// A CSV reader for what PowerShell's Export-Csv writes: comma-separated fields, each optionally
// in double quotes with `""` for a quote inside, quoted fields free to span lines. Each record
// carries the 1-based line it starts on, so errors can point into the file.

export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

export type CsvProblem = { readonly line: number; readonly message: string };

export function* readCsvRecords(text: string): Generator<CsvRecord | CsvProblem> {
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (position < text.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let problem: string | null = null;

    for (;;) {
      const char = text[position];
      if (quoted) {
        if (char === undefined) {
          problem = 'a quoted field is not closed before the end of the file';
          break;
        }
        position++;
        if (char === '"') {
          if (text[position] === '"') {
            field += '"';
            position++;
          } else {
            quoted = false;
          }
        } else {
          if (char === '\n') line++;
          field += char;
        }
        continue;
      }
      if (char === undefined || char === '\n' || char === '\r') {
        fields.push(field);
        position = skipLineEnd(text, position);
        line++;
        break;
      }
      position++;
      if (char === ',') {
        fields.push(field);
        field = '';
      } else if (char === '"' && field.length === 0) {
        quoted = true;
      } else {
        field += char;
      }
    }

    if (problem !== null) {
      yield { line: startLine, message: problem };

      return;
    }
    if (fields.length === 1 && fields[0] === '') continue;

    yield { line: startLine, fields };
  }
}

export function isCsvProblem(item: CsvRecord | CsvProblem): item is CsvProblem {
  return 'message' in item;
}

function skipLineEnd(text: string, position: number): number {
  if (text[position] === '\r' && text[position + 1] === '\n') return position + 2;

  return position < text.length ? position + 1 : position;
}
