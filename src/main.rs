//! Entry point: the panic hook (for bugs, not for bad data) and the mount.

fn main() {
    console_error_panic_hook::set_once();
    // The app removes the start-up screen itself, once its first chart is built.
    leptos::mount::mount_to_body(crypto_repricing::App);
}
