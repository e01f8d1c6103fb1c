"""HTTP calls without Airflow: the call type and retry policy (``retry``), waits the server asks for
(``waits``), and sending within a deadline with a size cap (``deadline``). The hook and the webhook sink use them."""
