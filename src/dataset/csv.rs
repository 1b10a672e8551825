//! A small RFC 4180 reader over `csv-core` that keeps line numbers, so every
//! validation error can name the file, line and field it comes from.

use csv_core::{ReadFieldResult, Reader};

/// One data row: the 1-based line it starts on and its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Line of the file where the row starts (1-based, as editors count).
    pub line: usize,
    /// The row's fields, unquoted.
    pub fields: Vec<String>,
}

/// A parsed CSV table: header names and rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Column names from the header row.
    pub header: Vec<String>,
    /// Data rows in file order.
    pub rows: Vec<Row>,
}

impl Table {
    /// Index of a column by name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

/// Why a text is not CSV at all (anything subtler is the dataset's to say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// There is no header row.
    Empty,
    /// A field of the row starting at `line` is not valid UTF-8.
    NotUtf8 {
        /// 1-based line of the row.
        line: usize,
    },
}

impl CsvError {
    /// The line the problem is on; 0 for the whole file.
    pub fn line(&self) -> usize {
        match self {
            CsvError::Empty => 0,
            CsvError::NotUtf8 { line } => *line,
        }
    }
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CsvError::Empty => "the file is empty (no header row)",
            CsvError::NotUtf8 { .. } => "the text is not valid UTF-8",
        })
    }
}

impl std::error::Error for CsvError {}

/// Parses CSV text. Lines starting with `#` before the header are comments;
/// blank lines are skipped. Fails only on text that is not CSV at all.
pub fn parse(text: &str) -> Result<Table, CsvError> {
    let mut reader = Reader::new();
    let mut input = text.as_bytes();
    let mut line = 1usize;
    let mut records: Vec<Row> = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = Vec::<u8>::new();
    let mut buf = [0u8; 1024];
    let mut row_line = 1usize;
    loop {
        // Skip comment and blank lines between records.
        if fields.is_empty() && field.is_empty() {
            while input.first() == Some(&b'#')
                || input.first() == Some(&b'\n')
                || input.starts_with(b"\r\n")
            {
                let end = input
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(input.len(), |p| p + 1);
                input = &input[end..];
                line += 1;
            }
            row_line = line;
        }
        let (result, nin, nout) = reader.read_field(input, &mut buf);
        line += input[..nin].iter().filter(|&&b| b == b'\n').count();
        input = &input[nin..];
        field.extend_from_slice(&buf[..nout]);
        match result {
            ReadFieldResult::InputEmpty => {
                if input.is_empty() {
                    // Signal end of input on the next call.
                    let (r, _, nout) = reader.read_field(&[], &mut buf);
                    field.extend_from_slice(&buf[..nout]);
                    match r {
                        ReadFieldResult::Field { record_end } => {
                            push_field(&mut fields, &mut field, row_line)?;
                            if record_end {
                                records.push(Row {
                                    line: row_line,
                                    fields: std::mem::take(&mut fields),
                                });
                            }
                        }
                        ReadFieldResult::End => {
                            if !fields.is_empty() {
                                records.push(Row {
                                    line: row_line,
                                    fields: std::mem::take(&mut fields),
                                });
                            }
                            break;
                        }
                        _ => {}
                    }
                }
            }
            ReadFieldResult::OutputFull => {}
            ReadFieldResult::Field { record_end } => {
                push_field(&mut fields, &mut field, row_line)?;
                if record_end {
                    records.push(Row {
                        line: row_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
            }
            ReadFieldResult::End => {
                if !fields.is_empty() {
                    records.push(Row {
                        line: row_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                break;
            }
        }
    }
    let mut rows = records.into_iter();
    let header = rows
        .next()
        .ok_or(CsvError::Empty)?
        .fields
        .into_iter()
        .map(|h| h.trim().to_string())
        .collect();
    Ok(Table {
        header,
        rows: rows
            .filter(|r| !(r.fields.len() == 1 && r.fields[0].is_empty()))
            .collect(),
    })
}

fn push_field(fields: &mut Vec<String>, field: &mut Vec<u8>, line: usize) -> Result<(), CsvError> {
    // One allocation per field, and the buffer kept for the next one: the
    // embedded dataset is read on every start-up (about half of reading it
    // went to allocating and freeing field buffers twice over).
    let text = std::str::from_utf8(field).map_err(|_| CsvError::NotUtf8 { line })?;
    fields.push(text.trim_end_matches('\r').to_owned());
    field.clear();
    Ok(())
}

/// Quotes a field for CSV output when it needs it.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_and_line_numbers() {
        let t = parse("# comment\na,b\n1,\"x, \"\"y\"\"\"\n\n2,\"multi\nline\"\n3,z").unwrap();
        assert_eq!(t.header, ["a", "b"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].fields, ["1", "x, \"y\""]);
        assert_eq!(t.rows[0].line, 3);
        assert_eq!(t.rows[1].fields, ["2", "multi\nline"]);
        assert_eq!(t.rows[1].line, 5);
        assert_eq!(t.rows[2].line, 7);
        assert_eq!(t.rows[2].fields, ["3", "z"]);
    }

    #[test]
    fn crlf_and_trailing_newline() {
        let t = parse("a,b\r\n1,2\r\n").unwrap();
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].fields, ["1", "2"]);
    }

    #[test]
    fn empty_input_is_an_error() {
        assert!(parse("").is_err());
        assert!(parse("# only a comment\n").is_err());
    }

    #[test]
    fn quote_round_trips() {
        let s = "he said \"hi\", then left";
        let t = parse(&format!("h\n{}\n", quote(s))).unwrap();
        assert_eq!(t.rows[0].fields[0], s);
    }
}
