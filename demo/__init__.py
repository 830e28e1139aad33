"""The demo: the social-economy field of 2022 as the published annual report describes it,
its strategy and 2023 period, its activities and invented progression, and `load_demo`.
The top layer: it may use every app, and no app uses it."""
