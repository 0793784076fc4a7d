use std::io::BufRead;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let texts: Vec<String> = std::io::BufReader::new(std::fs::File::open(path).unwrap())
        .lines()
        .map(|l| l.unwrap())
        .collect();
    let tagger = vigil_text::Tagger::embedded();
    let mut toks: Vec<Vec<vigil_model::Token>> = Vec::new();
    for t in &texts {
        for s in vigil_text::split_sentences(t) {
            toks.push(vigil_text::tokenize(t, s));
        }
    }
    let t0 = std::time::Instant::now();
    let mut n = 0usize;
    for _ in 0..5 {
        for v in &toks {
            let mut v = v.clone();
            tagger.tag(&mut v);
            n += v.len();
        }
    }
    eprintln!(
        "{} sentences x5, {} tokens, {:.3} s",
        toks.len(),
        n,
        t0.elapsed().as_secs_f64()
    );
}
