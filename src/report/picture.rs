//! The report's SVG charts as PNG pictures, for the formats that take no
//! SVG (the Word report's figures, the deck's standing and history
//! charts), rendered by resvg with a font the office suites also use.

use std::sync::Arc;

use resvg::usvg::fontdb::Database;

/// A rendered chart: PNG bytes and their size in pixels.
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Draws charts; loads the system's fonts once.
pub struct Painter {
    fonts: Arc<Database>,
    family: Option<String>,
}

impl Painter {
    pub fn new() -> Painter {
        let mut db = Database::new();
        db.load_system_fonts();
        // The first of the families Office and LibreOffice show the text in.
        let family = [
            "Calibri",
            "Carlito",
            "Arial",
            "Liberation Sans",
            "DejaVu Sans",
            "Helvetica",
            "Segoe UI",
        ]
        .iter()
        .find(|f| {
            db.faces()
                .any(|face| face.families.iter().any(|(name, _)| name == *f))
        })
        .map(|f| (*f).to_owned());
        Painter {
            fonts: Arc::new(db),
            family,
        }
    }

    /// `svg` at twice its size (sharp when printed), on white.
    pub fn png(&self, svg: &str) -> Result<Png, String> {
        let mut opts = resvg::usvg::Options {
            fontdb: self.fonts.clone(),
            ..Default::default()
        };
        if let Some(family) = &self.family {
            opts.font_family = family.clone();
        }
        let tree = resvg::usvg::Tree::from_str(svg, &opts)
            .map_err(|e| format!("cannot draw a chart: {e}"))?;
        let scale = 2.0;
        let size = tree.size();
        let (width, height) = (
            ((size.width() * scale).ceil() as u32).max(1),
            ((size.height() * scale).ceil() as u32).max(1),
        );
        let mut pixmap =
            resvg::tiny_skia::Pixmap::new(width, height).ok_or("cannot draw a chart of no size")?;
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        let bytes = pixmap
            .encode_png()
            .map_err(|e| format!("cannot encode a chart: {e}"))?;
        Ok(Png {
            bytes,
            width,
            height,
        })
    }
}

impl Default for Painter {
    fn default() -> Painter {
        Painter::new()
    }
}
