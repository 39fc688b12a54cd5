//! Zip packages (PPTX) made reproducible: the same report, the same bytes.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

/// `bytes` rewritten with every entry dated 1980-01-01 (the earliest a zip
/// can say) and in the order of their names, with the same content. The `pptx` crate
/// stamps each entry with the time of writing, so two runs on one
/// assessment would differ; a consultant comparing or versioning decks
/// must see a change only where the report changed.
pub fn with_fixed_times(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let failed = |e: zip::result::ZipError| format!("cannot rewrite the package: {e}");
    let mut input = zip::ZipArchive::new(Cursor::new(bytes)).map_err(failed)?;
    let mut output = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    // By name, the content types first (the `pptx` crate writes its parts
    // in hash order, which changes from run to run).
    let mut order = Vec::with_capacity(input.len());
    for i in 0..input.len() {
        let name = match input.name_for_index(i) {
            Some(Ok(name)) => name.into_owned(),
            Some(Err(e)) => return Err(failed(e)),
            None => continue,
        };
        order.push((name != "[Content_Types].xml", name, i));
    }
    order.sort();
    let mut data = Vec::new();
    for (_, _, i) in order {
        let mut entry = input.by_index(i).map_err(failed)?;
        let name = entry
            .name()
            .map(std::borrow::Cow::into_owned)
            .map_err(|e| format!("cannot rewrite the package: {e}"))?;
        if entry.is_dir() {
            output.add_directory(name, options).map_err(failed)?;
            continue;
        }
        data.clear();
        entry
            .read_to_end(&mut data)
            .map_err(|e| format!("cannot rewrite the package: {e}"))?;
        output.start_file(name, options).map_err(failed)?;
        output
            .write_all(&data)
            .map_err(|e| format!("cannot rewrite the package: {e}"))?;
    }
    Ok(output.finish().map_err(failed)?.into_inner())
}
