//! Escaped HTML for views that never change once shown (a list, a card): built as one string and
//! set as an element's content, such a view costs the app a few bytes of code instead of the
//! framework's code for each element. Tag and attribute names come from this crate's own code;
//! every value and text is escaped here, so data from the back end can never become markup.

#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// `<tag a="v" …>`; attributes with an empty value are left out.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs.iter().filter(|(_, v)| !v.is_empty()) {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Html {
        escape_into(&mut self.0, text);
        self
    }

    /// An element with only text inside: `<span class="tag">Gevolgd</span>`.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.0)
    }
}

fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_attributes_and_text() {
        let html = Html::new()
            .open("li", &[("class", "item"), ("data-x", "")])
            .el("span", &[("class", "tag"), ("title", "")], "Excel")
            .close("li")
            .finish();
        assert_eq!(html, r#"<li class="item"><span class="tag">Excel</span></li>"#);
    }

    #[test]
    fn data_never_becomes_markup() {
        let evil = r#"<img src=x onerror="alert('x')">&amp;"#;
        let html = Html::new().el("span", &[("title", evil)], evil).finish();
        assert_eq!(
            html,
            "<span title=\"&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;amp;\">\
             &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;amp;</span>"
        );
        assert_eq!(html.matches('<').count(), 2, "only the span's own tags");
    }
}
