//! The DrawingML of the deck's shapes: placeholders filled with text, text
//! boxes, tables and the frame that holds a chart.
//!
//! Written here because the `pptx` crate adds shapes only as empty XML
//! (its text and table types are not written into a slide), so the text of
//! every shape is produced here, escaped by [`xml`]. Colours are the
//! theme's (`accent1`, `tx1`, ...) wherever the meaning allows, so that a
//! consultancy's template recolours the deck.

use std::fmt::Write;

use crate::report::escape::xml;

/// A position and size in EMU (914,400 to the inch).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
}

/// A colour: one of the theme's, or a fixed one where the colour carries
/// meaning (green strengths, red weaknesses, the gold star).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Color {
    Scheme(&'static str),
    /// A theme colour lightened: `lumMod`/`lumOff` in thousandths of a percent.
    Tint(&'static str, u32, u32),
    Rgb(&'static str),
}

impl Color {
    pub fn fill(self) -> String {
        format!("<a:solidFill>{}</a:solidFill>", self.element())
    }

    fn element(self) -> String {
        match self {
            Color::Scheme(name) => format!("<a:schemeClr val=\"{name}\"/>"),
            Color::Tint(name, lum_mod, lum_off) => format!(
                "<a:schemeClr val=\"{name}\"><a:lumMod val=\"{lum_mod}\"/><a:lumOff val=\"{lum_off}\"/></a:schemeClr>"
            ),
            Color::Rgb(rgb) => format!("<a:srgbClr val=\"{rgb}\"/>"),
        }
    }
}

pub const GOLD: Color = Color::Rgb("A87200");
pub const MUTED: Color = Color::Rgb("5B6675");
pub const LINE: Color = Color::Rgb("D5DBE3");

/// A run of text with its own look; `None` inherits from the placeholder
/// or the paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub color: Option<Color>,
    /// In hundredths of a point.
    pub size: Option<u32>,
}

impl Run {
    pub fn new(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: false,
            italic: false,
            color: None,
            size: None,
        }
    }

    pub fn bold(mut self) -> Run {
        self.bold = true;
        self
    }

    pub fn italic(mut self) -> Run {
        self.italic = true;
        self
    }

    pub fn color(mut self, c: Color) -> Run {
        self.color = Some(c);
        self
    }

    pub fn size(mut self, points: u32) -> Run {
        self.size = Some(points * 100);
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bullet {
    /// As the placeholder's list style says (body placeholders: bullets).
    Inherit,
    None,
    Char(char, Color),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub runs: Vec<Run>,
    pub level: u8,
    pub bullet: Bullet,
    pub align: Option<Align>,
    /// Space after, in hundredths of a point.
    pub space_after: Option<u32>,
}

impl Para {
    pub fn new(runs: Vec<Run>) -> Para {
        Para {
            runs,
            level: 0,
            bullet: Bullet::Inherit,
            align: None,
            space_after: None,
        }
    }

    /// One run of plain text.
    pub fn text(text: impl Into<String>) -> Para {
        Para::new(vec![Run::new(text)])
    }

    pub fn level(mut self, level: u8) -> Para {
        self.level = level;
        self
    }

    pub fn bullet(mut self, bullet: Bullet) -> Para {
        self.bullet = bullet;
        self
    }

    pub fn align(mut self, align: Align) -> Para {
        self.align = Some(align);
        self
    }

    pub fn space_after(mut self, points: u32) -> Para {
        self.space_after = Some(points * 100);
        self
    }
}

/// How a text body fits its shape.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// Shrink the text when it overflows (PowerPoint and LibreOffice both
    /// honour it).
    Shrink,
    /// Keep the size as given.
    None,
}

fn paragraph(out: &mut String, p: &Para, lang: &str) {
    out.push_str("<a:p>");
    let mut attrs = String::new();
    if p.level > 0 {
        let _ = write!(attrs, " lvl=\"{}\"", p.level);
    }
    if let Some(align) = p.align {
        let a = match align {
            Align::Left => "l",
            Align::Center => "ctr",
            Align::Right => "r",
        };
        let _ = write!(attrs, " algn=\"{a}\"");
    }
    let mut inner = String::new();
    if let Some(after) = p.space_after {
        let _ = write!(inner, "<a:spcAft><a:spcPts val=\"{after}\"/></a:spcAft>");
    }
    match p.bullet {
        Bullet::Inherit => {}
        Bullet::None => {
            attrs.push_str(" marL=\"0\" indent=\"0\"");
            inner.push_str("<a:buNone/>");
        }
        Bullet::Char(c, color) => {
            let indent = 228600 + 228600 * i64::from(p.level);
            let _ = write!(attrs, " marL=\"{indent}\" indent=\"-228600\"");
            let _ = write!(
                inner,
                "<a:buClr>{}</a:buClr><a:buFont typeface=\"Arial\"/><a:buChar char=\"{}\"/>",
                color.element(),
                xml(&c.to_string())
            );
        }
    }
    if !attrs.is_empty() || !inner.is_empty() {
        let _ = write!(out, "<a:pPr{attrs}>{inner}</a:pPr>");
    }
    for r in &p.runs {
        let _ = write!(out, "<a:r><a:rPr lang=\"{lang}\"");
        if let Some(size) = r.size {
            let _ = write!(out, " sz=\"{size}\"");
        }
        if r.bold {
            out.push_str(" b=\"1\"");
        }
        if r.italic {
            out.push_str(" i=\"1\"");
        }
        out.push_str(" dirty=\"0\">");
        if let Some(c) = r.color {
            out.push_str(&c.fill());
        }
        let _ = write!(out, "</a:rPr><a:t>{}</a:t></a:r>", xml(&r.text));
    }
    let _ = write!(out, "<a:endParaRPr lang=\"{lang}\" dirty=\"0\"/></a:p>");
}

/// The paragraphs as a text body (`<p:txBody>` or, in a table cell,
/// `<a:txBody>`).
pub fn text_body(tag: &str, paras: &[Para], body_pr: &str, lang: &str) -> String {
    let mut out = format!("<{tag}>{body_pr}<a:lstStyle/>");
    if paras.is_empty() {
        let _ = write!(out, "<a:p><a:endParaRPr lang=\"{lang}\"/></a:p>");
    }
    for p in paras {
        paragraph(&mut out, p, lang);
    }
    let _ = write!(out, "</{tag}>");
    out
}

/// The text body's properties; `anchor` (t, ctr, b) `None` keeps the
/// placeholder's.
fn body_pr(fit: Fit, anchor: Option<&str>) -> String {
    let fit = match fit {
        Fit::Shrink => "<a:normAutofit/>",
        Fit::None => "",
    };
    let anchor = anchor.map_or(String::new(), |a| {
        format!(" wrap=\"square\" anchor=\"{a}\"")
    });
    format!("<a:bodyPr{anchor}>{fit}</a:bodyPr>")
}

/// The shapes of one slide, numbered as they are added.
pub struct Shapes {
    pub xml: String,
    next_id: u32,
    lang: &'static str,
}

impl Shapes {
    pub fn new(lang: &'static str) -> Shapes {
        Shapes {
            xml: String::new(),
            next_id: 2,
            lang,
        }
    }

    fn id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Text in one of the layout's placeholders (`ph` is the `<p:ph>`
    /// element's attributes, e.g. `type="title"` or `idx="1"`): it takes its
    /// place, font and colours from the layout; `rect` overrides the place.
    pub fn placeholder(&mut self, ph: &str, paras: &[Para], rect: Option<Rect>, fit: Fit) {
        let id = self.id();
        let sp_pr = rect.map_or("<p:spPr/>".to_owned(), |r| {
            format!("<p:spPr>{}</p:spPr>", xfrm("a", r))
        });
        let _ = write!(
            self.xml,
            "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Placeholder {id}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr>{sp_pr}{}</p:sp>",
            text_body("p:txBody", paras, &body_pr(fit, None), self.lang)
        );
    }

    /// A text box of its own, with an optional fill.
    pub fn text_box(
        &mut self,
        name: &str,
        rect: Rect,
        paras: &[Para],
        fill: Option<Color>,
        anchor: &str,
        fit: Fit,
    ) {
        let id = self.id();
        let fill = fill.map_or("<a:noFill/>".to_owned(), Color::fill);
        let _ = write!(
            self.xml,
            "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>{fill}</p:spPr>{}</p:sp>",
            xml(name),
            xfrm("a", rect),
            text_body("p:txBody", paras, &body_pr(fit, Some(anchor)), self.lang)
        );
    }

    /// A table: `widths` in EMU per column; the first row is the header.
    pub fn table(&mut self, name: &str, rect: Rect, widths: &[i64], rows: &[Vec<Cell>]) {
        let id = self.id();
        let row_h = rect.h / rows.len().max(1) as i64;
        let mut grid = String::new();
        for w in widths {
            let _ = write!(grid, "<a:gridCol w=\"{w}\"/>");
        }
        let mut body = String::new();
        for (i, row) in rows.iter().enumerate() {
            let _ = write!(body, "<a:tr h=\"{row_h}\">");
            for cell in row {
                let header = i == 0;
                let mut run = Run::new(cell.text.clone()).size(cell.size);
                if header || cell.bold {
                    run = run.bold();
                }
                if header {
                    run = run.color(Color::Scheme("bg1"));
                }
                let para = Para::new(vec![run])
                    .bullet(Bullet::None)
                    .align(if cell.numeric {
                        Align::Right
                    } else {
                        Align::Left
                    });
                let fill = if header {
                    Color::Scheme("accent1").fill()
                } else if cell.sum {
                    Color::Tint("accent1", 20000, 80000).fill()
                } else {
                    "<a:noFill/>".to_owned()
                };
                let line = format!(
                    "<a:lnB w=\"9525\">{}</a:lnB>",
                    if cell.sum {
                        Color::Scheme("accent1").fill()
                    } else {
                        LINE.fill()
                    }
                );
                let _ = write!(
                    body,
                    "<a:tc>{}<a:tcPr marL=\"68580\" marR=\"68580\" marT=\"22860\" marB=\"22860\" anchor=\"ctr\"><a:lnL><a:noFill/></a:lnL><a:lnR><a:noFill/></a:lnR><a:lnT><a:noFill/></a:lnT>{line}{fill}</a:tcPr></a:tc>",
                    text_body("a:txBody", &[para], "<a:bodyPr/>", self.lang)
                );
            }
            body.push_str("</a:tr>");
        }
        let _ = write!(
            self.xml,
            "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"{}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\"/><a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>",
            xml(name),
            xfrm("p", rect)
        );
    }

    /// A picture whose image part the slide relates to as `r_id`, with
    /// its description for screen readers.
    pub fn picture(&mut self, name: &str, rect: Rect, r_id: &str, description: &str) {
        let id = self.id();
        let _ = write!(
            self.xml,
            "<p:pic><p:nvPicPr><p:cNvPr id=\"{id}\" name=\"{}\" descr=\"{}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed=\"{}\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
            xml(name),
            xml(description),
            xml(r_id),
            xfrm("a", rect)
        );
    }

    /// The frame of a chart whose part the slide relates to as `r_id`.
    pub fn chart(&mut self, name: &str, rect: Rect, r_id: &str) {
        let id = self.id();
        let _ = write!(
            self.xml,
            "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"{}\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>{}<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"{}\"/></a:graphicData></a:graphic></p:graphicFrame>",
            xml(name),
            xfrm("p", rect),
            xml(r_id)
        );
    }
}

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub numeric: bool,
    pub bold: bool,
    /// Of a sum row: bold on a tint, with a rule in the accent colour.
    pub sum: bool,
    /// In points.
    pub size: u32,
}

impl Cell {
    pub fn text(text: impl Into<String>, size: u32) -> Cell {
        Cell {
            text: text.into(),
            numeric: false,
            bold: false,
            sum: false,
            size,
        }
    }

    pub fn number(text: impl Into<String>, size: u32) -> Cell {
        Cell {
            numeric: true,
            ..Cell::text(text, size)
        }
    }

    pub fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }

    pub fn sum(mut self) -> Cell {
        self.bold = true;
        self.sum = true;
        self
    }
}

fn xfrm(ns: &str, r: Rect) -> String {
    format!(
        "<{ns}:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></{ns}:xfrm>",
        r.x, r.y, r.w, r.h
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_kept_whole() {
        let mut s = Shapes::new("nb-NO");
        s.text_box(
            "x",
            Rect {
                x: 0,
                y: 0,
                w: 10,
                h: 10,
            },
            &[Para::text("<script>&\u{ffff}\"'")],
            None,
            "t",
            Fit::None,
        );
        assert!(
            s.xml
                .contains("<a:t>&lt;script&gt;&amp;\u{fffd}&quot;&apos;</a:t>"),
            "{}",
            s.xml
        );
    }
}
