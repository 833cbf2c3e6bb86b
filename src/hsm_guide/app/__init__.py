"""The command-line shell: process policy, the lazy command group, the presenter,
completion and the commands themselves (hsm_guide.cli re-exports `app` and `main`)."""
