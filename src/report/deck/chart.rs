//! Native, editable bar charts: the chart part (DrawingML chart XML) and
//! the workbook it is edited in ("Edit data" in PowerPoint).
//!
//! The chart XML is written here and not by the `pptx` crate: its chart
//! writer (0.1.0) points every series after the first at the workbook's
//! column B, so editing the data in PowerPoint would overwrite the second
//! series with the first. The workbook is written by rust_xlsxwriter, like
//! the XLSX report.

use std::fmt::Write;

use rust_xlsxwriter::Workbook;

use super::shapes::Color;
use crate::report::escape::xml;

/// One bar series: its name, colour and a value per category (`None`: no
/// bar). Values are the numbers as displayed.
#[derive(Debug, Clone)]
pub struct ChartSeries {
    pub name: String,
    pub color: Color,
    pub values: Vec<Option<f64>>,
    /// Colours per category instead of per series (a chart of one series
    /// whose bars are different evaluations).
    pub point_colors: Vec<Color>,
    pub labels: bool,
}

#[derive(Debug, Clone)]
pub struct BarChart {
    pub categories: Vec<String>,
    pub series: Vec<ChartSeries>,
    /// Horizontal bars, the first category on top.
    pub horizontal: bool,
    pub max: f64,
    pub major_unit: f64,
    /// Excel number format of the values ("0", "0.0").
    pub format: &'static str,
    pub legend: bool,
    /// In hundredths of a point.
    pub font_size: u32,
}

/// "B", ..., "Z", "AA": the workbook column of series `i` (column A holds
/// the categories).
fn column(i: usize) -> String {
    let mut n = i + 2;
    let mut out = String::new();
    while n > 0 {
        let d = (n - 1) % 26;
        out.insert(0, (b'A' + d as u8) as char);
        n = (n - 1) / 26;
    }
    out
}

impl BarChart {
    pub fn xml(&self, lang: &str) -> String {
        let n = self.categories.len();
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><c:date1904 val=\"0\"/><c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/><c:barChart>",
        );
        let _ = write!(
            out,
            "<c:barDir val=\"{}\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>",
            if self.horizontal { "bar" } else { "col" }
        );
        let mut categories = String::new();
        let _ = write!(
            categories,
            "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${}</c:f><c:strCache><c:ptCount val=\"{n}\"/>",
            n + 1
        );
        for (i, c) in self.categories.iter().enumerate() {
            let _ = write!(categories, "<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>", xml(c));
        }
        categories.push_str("</c:strCache></c:strRef></c:cat>");
        for (i, s) in self.series.iter().enumerate() {
            let col = column(i);
            let _ = write!(
                out,
                "<c:ser><c:idx val=\"{i}\"/><c:order val=\"{i}\"/><c:tx><c:strRef><c:f>Sheet1!${col}$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>{}</c:v></c:pt></c:strCache></c:strRef></c:tx><c:spPr>{}</c:spPr><c:invertIfNegative val=\"0\"/>",
                xml(&s.name),
                s.color.fill()
            );
            for (k, c) in s.point_colors.iter().enumerate() {
                let _ = write!(
                    out,
                    "<c:dPt><c:idx val=\"{k}\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr>{}</c:spPr></c:dPt>",
                    c.fill()
                );
            }
            if s.labels {
                let _ = write!(
                    out,
                    "<c:dLbls><c:numFmt formatCode=\"{}\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{}\" b=\"1\"/></a:pPr><a:endParaRPr lang=\"{lang}\"/></a:p></c:txPr><c:dLblPos val=\"outEnd\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>",
                    self.format, self.font_size
                );
            }
            out.push_str(&categories);
            let _ = write!(
                out,
                "<c:val><c:numRef><c:f>Sheet1!${col}$2:${col}${}</c:f><c:numCache><c:formatCode>{}</c:formatCode><c:ptCount val=\"{n}\"/>",
                n + 1,
                self.format
            );
            for (k, v) in s.values.iter().enumerate() {
                if let Some(v) = v {
                    let _ = write!(out, "<c:pt idx=\"{k}\"><c:v>{v}</c:v></c:pt>");
                }
            }
            out.push_str("</c:numCache></c:numRef></c:val></c:ser>");
        }
        let grid = super::shapes::LINE.fill();
        let (cat_pos, val_pos, orientation, crosses) = if self.horizontal {
            ("l", "b", "maxMin", "max")
        } else {
            ("b", "l", "minMax", "autoZero")
        };
        let _ = write!(
            out,
            "<c:gapWidth val=\"60\"/><c:overlap val=\"-5\"/><c:axId val=\"5001\"/><c:axId val=\"5002\"/></c:barChart>\
             <c:catAx><c:axId val=\"5001\"/><c:scaling><c:orientation val=\"{orientation}\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{cat_pos}\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:spPr><a:ln w=\"9525\">{grid}</a:ln></c:spPr><c:crossAx val=\"5002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>\
             <c:valAx><c:axId val=\"5002\"/><c:scaling><c:orientation val=\"minMax\"/><c:max val=\"{}\"/><c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"{val_pos}\"/><c:majorGridlines><c:spPr><a:ln w=\"6350\">{grid}</a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode=\"0\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:crossAx val=\"5001\"/><c:crosses val=\"{crosses}\"/><c:crossBetween val=\"between\"/><c:majorUnit val=\"{}\"/></c:valAx>\
             <c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>",
            self.max, self.major_unit
        );
        if self.legend {
            out.push_str("<c:legend><c:legendPos val=\"t\"/><c:overlay val=\"0\"/></c:legend>");
        }
        let _ = write!(
            out,
            "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{}\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang=\"{lang}\"/></a:p></c:txPr><c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>",
            self.font_size
        );
        out
    }

    /// The workbook behind the chart: categories in column A, one column
    /// per series, names in row 1.
    pub fn workbook(&self) -> Result<Vec<u8>, String> {
        let fail = |e: rust_xlsxwriter::XlsxError| format!("cannot build a chart's workbook: {e}");
        let mut book = Workbook::new();
        // A fixed creation time (else the clock's), so that one report gives
        // one deck.
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(1980, 1, 1).map_err(fail)?;
        book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&day));
        let sheet = book.add_worksheet();
        sheet.set_name("Sheet1").map_err(fail)?;
        for (i, c) in self.categories.iter().enumerate() {
            sheet
                .write_string(i as u32 + 1, 0, crate::report::escape::cell(c))
                .map_err(fail)?;
        }
        for (j, s) in self.series.iter().enumerate() {
            let col = j as u16 + 1;
            sheet
                .write_string(0, col, crate::report::escape::cell(&s.name))
                .map_err(fail)?;
            for (i, v) in s.values.iter().enumerate() {
                if let Some(v) = v {
                    sheet.write_number(i as u32 + 1, col, *v).map_err(fail)?;
                }
            }
        }
        sheet.set_column_width(0, 40).map_err(fail)?;
        book.save_to_buffer().map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_has_its_own_column() {
        assert_eq!(column(0), "B");
        assert_eq!(column(1), "C");
        assert_eq!(column(24), "Z");
        assert_eq!(column(25), "AA");
        let chart = BarChart {
            categories: vec!["1 A".into(), "2 <B>".into()],
            series: (0..2)
                .map(|i| ChartSeries {
                    name: format!("S{i}"),
                    color: Color::Scheme("accent1"),
                    values: vec![Some(1.0), None],
                    point_colors: Vec::new(),
                    labels: false,
                })
                .collect(),
            horizontal: true,
            max: 100.0,
            major_unit: 25.0,
            format: "0",
            legend: true,
            font_size: 1200,
        };
        let x = chart.xml("nb-NO");
        assert!(x.contains("Sheet1!$C$2:$C$3"), "{x}");
        assert!(x.contains("2 &lt;B&gt;"));
        assert!(!chart.workbook().unwrap().is_empty());
    }
}
