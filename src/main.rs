//! The binary's entry point: installs the fault hook (`browser::crash`), then starts the app.

fn main() {
    splitline::browser::crash::install();
    splitline::start();
}
