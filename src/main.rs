fn main() {
    std::process::exit(claimcoder::cli::main());
}
