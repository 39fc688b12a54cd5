fn main() -> std::process::ExitCode {
    kompass::cli::main()
}
