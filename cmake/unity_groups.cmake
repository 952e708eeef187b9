# Written by scripts/unity-groups (its docstring says why and when to run it); do not
# edit by hand. Units of one group are compiled as one unity unit (LOGDX_UNITY=ON);
# files that define the same file-local name are in different groups. Paths are from
# the checkout's root; logdx_unity(TARGET) in cmake/build_speed.cmake applies them.
set(LOGDX_UNITY_GROUPS_logdx_parsers
  GROUP logdx_parsers_core_1
    parsers/src/core/envelope_peeler.cpp
    parsers/src/core/event.cpp
    parsers/src/core/event_reader.cpp
    parsers/src/core/format_detector.cpp
    parsers/src/core/input_parse.cpp
    parsers/src/core/parser_registry.cpp
    parsers/src/core/prefix_peeler.cpp
    parsers/src/core/record_joiner.cpp
  GROUP logdx_parsers_core_2
    parsers/src/core/soft_wrap.cpp
    parsers/src/core/source_classifier.cpp
    parsers/src/core/start_table.cpp
    parsers/src/core/timestamp.cpp
    parsers/src/core/tool_blocks.cpp
    parsers/src/core/year_inference.cpp
  GROUP logdx_parsers_docker
    parsers/src/docker/docker_compose_parser.cpp
    parsers/src/docker/docker_events_parser.cpp
    parsers/src/docker/docker_json_file_parser.cpp
    parsers/src/docker/docker_ps_parser.cpp
    parsers/src/docker/docker_text.cpp
    parsers/src/docker/docker_timestamps_parser.cpp
    parsers/src/docker/register.cpp
  GROUP logdx_parsers_formats
    parsers/src/formats/declared_time.cpp
    parsers/src/formats/leading_bytes.cpp
    parsers/src/formats/line_format.cpp
    parsers/src/formats/regex_line_parser.cpp
  GROUP logdx_parsers_grammar
    parsers/src/grammar/month_names.cpp
    parsers/src/grammar/time.cpp
  GROUP logdx_parsers_input_1
    parsers/src/input/binary_sniff.cpp
    parsers/src/input/content_digest.cpp
    parsers/src/input/fd_read.cpp
    parsers/src/input/file_source.cpp
    parsers/src/input/folder_walk.cpp
    parsers/src/input/following_source.cpp
    parsers/src/input/gzip_source.cpp
    parsers/src/input/host_folders.cpp
  GROUP logdx_parsers_input_2
    parsers/src/input/input_set.cpp
    parsers/src/input/journal_files_follower.cpp
    parsers/src/input/journal_library.cpp
    parsers/src/input/journal_source.cpp
    parsers/src/input/line_reader.cpp
    parsers/src/input/open_byte_source.cpp
    parsers/src/input/peeked_source.cpp
    parsers/src/input/rotation_order.cpp
  GROUP logdx_parsers_input_3
    parsers/src/input/stdin_source.cpp
    parsers/src/input/text_events.cpp
    parsers/src/input/utf16_source.cpp
    parsers/src/input/zstd_source.cpp
  GROUP logdx_parsers_journal_1
    parsers/src/journal/export_parser.cpp
    parsers/src/journal/journal_display.cpp
    parsers/src/journal/journal_meta.cpp
    parsers/src/journal/journal_record.cpp
    parsers/src/journal/json_parser.cpp
    parsers/src/journal/json_pretty_parser.cpp
    parsers/src/journal/json_value.cpp
    parsers/src/journal/register.cpp
  GROUP logdx_parsers_journal_2
    parsers/src/journal/short_line.cpp
    parsers/src/journal/syslog_tail.cpp
    parsers/src/journal/systemctl_status_parser.cpp
    parsers/src/journal/systemd_message.cpp
    parsers/src/journal/verbose_parser.cpp
  GROUP logdx_parsers_kernel
    parsers/src/kernel/dmesg_parser.cpp
    parsers/src/kernel/dmesg_prefix.cpp
    parsers/src/kernel/fault_report.cpp
    parsers/src/kernel/register.cpp
  GROUP logdx_parsers_openclaw_1
    parsers/src/openclaw/clack.cpp
    parsers/src/openclaw/cli_parser.cpp
    parsers/src/openclaw/console_parser.cpp
    parsers/src/openclaw/file_json_parser.cpp
    parsers/src/openclaw/file_log_reader.cpp
    parsers/src/openclaw/gateway_wrapper_parser.cpp
    parsers/src/openclaw/logs_json_parser.cpp
    parsers/src/openclaw/logs_plain_parser.cpp
  GROUP logdx_parsers_openclaw_2
    parsers/src/openclaw/cli_shapes.cpp
    parsers/src/openclaw/register.cpp
  GROUP logdx_parsers_paste_1
    parsers/src/paste/ansi.cpp
    parsers/src/paste/box_frame.cpp
    parsers/src/paste/fullwidth.cpp
    parsers/src/paste/glued_records.cpp
    parsers/src/paste/quoted_fragments.cpp
    parsers/src/paste/terminal_html.cpp
  GROUP logdx_parsers_paste_2
    parsers/src/paste/paste_cleaner.cpp
    parsers/src/paste/shell_prompt.cpp
  GROUP logdx_parsers_plain
    parsers/src/plain/plain_inference.cpp
    parsers/src/plain/plain_parser.cpp
  GROUP logdx_parsers_pm2_1
    parsers/src/pm2/ansi.cpp
    parsers/src/pm2/pm2_app_json_parser.cpp
    parsers/src/pm2/pm2_app_time_parser.cpp
    parsers/src/pm2/pm2_common.cpp
    parsers/src/pm2/pm2_daemon_parser.cpp
    parsers/src/pm2/pm2_json_parser.cpp
    parsers/src/pm2/pm2_json_record.cpp
    parsers/src/pm2/pm2_ls_parser.cpp
  GROUP logdx_parsers_pm2_2
    parsers/src/pm2/pm2_format_parser.cpp
    parsers/src/pm2/register.cpp
  GROUP logdx_parsers_proxy
    parsers/src/proxy/caddy_console_parser.cpp
    parsers/src/proxy/caddy_context.cpp
    parsers/src/proxy/caddy_json_parser.cpp
    parsers/src/proxy/caddy_time.cpp
    parsers/src/proxy/nginx_access_parser.cpp
    parsers/src/proxy/nginx_error_parser.cpp
    parsers/src/proxy/proxy_text.cpp
    parsers/src/proxy/register.cpp
  GROUP logdx_parsers_shipper
    parsers/src/shipper/shipper_json_parser.cpp
    parsers/src/shipper/shipper_keys.cpp
)
set(LOGDX_UNITY_GROUPS_logdx_engine
  GROUP logdx_engine
    engine/src/carried_time.cpp
    engine/src/edit_distance.cpp
    engine/src/engine_version.cpp
    engine/src/record_lines.cpp
    engine/src/redactor.cpp
  GROUP logdx_engine_analysis_1
    engine/src/analysis/analyzer.cpp
    engine/src/analysis/correlate_absent.cpp
    engine/src/analysis/correlate_sequence.cpp
    engine/src/analysis/correlate_threshold.cpp
    engine/src/analysis/correlation.cpp
    engine/src/analysis/decisive_line.cpp
    engine/src/analysis/diagnosis_builder.cpp
    engine/src/analysis/draft.cpp
  GROUP logdx_engine_analysis_2
    engine/src/analysis/exit_signs.cpp
    engine/src/analysis/failing_victim.cpp
    engine/src/analysis/fingerprint.cpp
    engine/src/analysis/folding.cpp
    engine/src/analysis/host_tally.cpp
    engine/src/analysis/join.cpp
    engine/src/analysis/key_events.cpp
    engine/src/analysis/last_words.cpp
  GROUP logdx_engine_analysis_3
    engine/src/analysis/line_occurrences.cpp
    engine/src/analysis/linking.cpp
    engine/src/analysis/matched_event.cpp
    engine/src/analysis/matcher.cpp
    engine/src/analysis/oom_victim_name.cpp
    engine/src/analysis/own_port_conflict.cpp
    engine/src/analysis/packed_captures.cpp
    engine/src/analysis/past_cap_tally.cpp
  GROUP logdx_engine_analysis_4
    engine/src/analysis/permute.cpp
    engine/src/analysis/placeholder.cpp
    engine/src/analysis/port_findings.cpp
    engine/src/analysis/ranking.cpp
    engine/src/analysis/raw_store.cpp
    engine/src/analysis/repeated_fixes.cpp
    engine/src/analysis/same_event.cpp
    engine/src/analysis/same_subject.cpp
  GROUP logdx_engine_analysis_5
    engine/src/analysis/script_names.cpp
    engine/src/analysis/shell_quote.cpp
    engine/src/analysis/template_render.cpp
    engine/src/analysis/tied_victim.cpp
    engine/src/analysis/time_window.cpp
    engine/src/analysis/timeline.cpp
    engine/src/analysis/unlinked_victim.cpp
    engine/src/analysis/volatile_fold.cpp
  GROUP logdx_engine_prefilter_1
    engine/src/prefilter/database_block.cpp
    engine/src/prefilter/database_cache.cpp
    engine/src/prefilter/line_prefilter.cpp
    engine/src/prefilter/literal_core.cpp
    engine/src/prefilter/pattern_database.cpp
    engine/src/prefilter/relax_pattern.cpp
  GROUP logdx_engine_prefilter_2
    engine/src/prefilter/pack_database.cpp
    engine/src/prefilter/trigger_patterns.cpp
  GROUP logdx_engine_rules_1
    engine/src/rules/compiled_rule.cpp
    engine/src/rules/condition_eval.cpp
    engine/src/rules/condition_reader.cpp
    engine/src/rules/correlate_reader.cpp
    engine/src/rules/fix_kind.cpp
    engine/src/rules/format_checks.cpp
    engine/src/rules/format_reader.cpp
    engine/src/rules/named_groups.cpp
  GROUP logdx_engine_rules_2
    engine/src/rules/names.cpp
    engine/src/rules/pattern_expander.cpp
    engine/src/rules/placeholder_coverage.cpp
    engine/src/rules/rule_checks.cpp
    engine/src/rules/rule_collector.cpp
    engine/src/rules/rule_compiler.cpp
    engine/src/rules/rule_diagnostic.cpp
    engine/src/rules/rule_entry_reader.cpp
  GROUP logdx_engine_rules_3
    engine/src/rules/rule_file_codec.cpp
    engine/src/rules/rule_loader.cpp
    engine/src/rules/rule_reader.cpp
    engine/src/rules/rule_regex.cpp
    engine/src/rules/rule_set_builder.cpp
    engine/src/rules/rule_tester.cpp
    engine/src/rules/severity.cpp
    engine/src/rules/yaml_context.cpp
)
set(LOGDX_UNITY_GROUPS_logdx_storage
  GROUP logdx_storage
    storage/src/database.cpp
    storage/src/history_prune.cpp
    storage/src/history_reader.cpp
    storage/src/incident_store.cpp
    storage/src/private_file.cpp
    storage/src/read_only_query.cpp
    storage/src/run_record.cpp
    storage/src/schema.cpp
)
set(LOGDX_UNITY_GROUPS_logdx_host
  GROUP logdx_host
    host/src/host_checks.cpp
    host/src/json5_scan.cpp
    host/src/memory_check.cpp
    host/src/pm2_config_checks.cpp
    host/src/port_check.cpp
    host/src/proc_tree.cpp
    host/src/process_check.cpp
)
set(LOGDX_UNITY_GROUPS_parsers_tests
  GROUP parsers_tests_1
    tests/parsers/test_ascii_search.cpp
    tests/parsers/test_binary_sniff.cpp
    tests/parsers/test_corpus_reading.cpp
    tests/parsers/test_input_byte_source.cpp
    tests/parsers/test_journal_library.cpp
    tests/parsers/test_leading_bytes.cpp
    tests/parsers/test_paste_cleaner.cpp
    tests/parsers/test_reader_moving_files.cpp
  GROUP parsers_tests_2
    tests/parsers/test_docker_events_ps.cpp
    tests/parsers/test_docker_logs.cpp
    tests/parsers/test_input_line_reader.cpp
    tests/parsers/test_kernel_dmesg.cpp
    tests/parsers/test_line_format.cpp
    tests/parsers/test_may_start.cpp
    tests/parsers/test_openclaw_cli.cpp
    tests/parsers/test_openclaw_console.cpp
  GROUP parsers_tests_3
    tests/parsers/test_input_rotation.cpp
    tests/parsers/test_journal_fields.cpp
  GROUP parsers_tests_4
    tests/parsers/test_input_set.cpp
    tests/parsers/test_journal_short.cpp
  GROUP parsers_tests_5
    tests/parsers/test_openclaw_file_json.cpp
    tests/parsers/test_openclaw_logs.cpp
    tests/parsers/test_pm2_app_files.cpp
    tests/parsers/test_pm2_bad_input.cpp
    tests/parsers/test_pm2_daemon.cpp
    tests/parsers/test_pm2_detection.cpp
    tests/parsers/test_pm2_json_format.cpp
    tests/parsers/test_pm2_logs.cpp
  GROUP parsers_tests_6
    tests/parsers/test_proxy_bad_input.cpp
    tests/parsers/test_proxy_caddy.cpp
    tests/parsers/test_proxy_nginx.cpp
    tests/parsers/test_shipper_json.cpp
    tests/parsers/test_time_grammar.cpp
)
set(LOGDX_UNITY_GROUPS_engine_tests
  GROUP engine_tests_1
    tests/engine/test_analyzer_corpus.cpp
    tests/engine/test_analyzer_correlate.cpp
    tests/engine/test_analyzer_cut_window.cpp
    tests/engine/test_analyzer_evidence_focus.cpp
    tests/engine/test_analyzer_fix.cpp
    tests/engine/test_analyzer_front_door.cpp
    tests/engine/test_analyzer_join.cpp
    tests/engine/test_analyzer_line_occurrences.cpp
  GROUP engine_tests_2
    tests/engine/test_analyzer_hosts.cpp
    tests/engine/test_analyzer_linking.cpp
    tests/engine/test_analyzer_matching.cpp
    tests/engine/test_analyzer_ranking.cpp
    tests/engine/test_analyzer_speed.cpp
    tests/engine/test_carried_time.cpp
    tests/engine/test_database_block.cpp
    tests/engine/test_fix_kinds.cpp
  GROUP engine_tests_3
    tests/engine/test_analyzer_last_words.cpp
    tests/engine/test_heap_optional.cpp
    tests/engine/test_raw_store.cpp
    tests/engine/test_redactor.cpp
    tests/engine/test_rule_pack.cpp
    tests/engine/test_text_scanning.cpp
  GROUP engine_tests_4
    tests/engine/test_analyzer_past_cap.cpp
    tests/engine/test_analyzer_same_finding.cpp
    tests/engine/test_analyzer_timeline.cpp
    tests/engine/test_analyzer_volatile_fold.cpp
    tests/engine/test_format_loader.cpp
    tests/engine/test_rule_collector.cpp
    tests/engine/test_rule_hostile.cpp
    tests/engine/test_rule_loader.cpp
  GROUP engine_tests_5
    tests/engine/test_kept_records.cpp
    tests/engine/test_rule_pack_encoding.cpp
    tests/engine/test_rule_patterns.cpp
    tests/engine/test_rule_problems.cpp
    tests/engine/test_rule_tester.cpp
)
set(LOGDX_UNITY_GROUPS_storage_tests
  GROUP storage_tests
    tests/storage/test_fleet_hosts.cpp
    tests/storage/test_history_maintenance.cpp
    tests/storage/test_schema_migrations.cpp
)
set(LOGDX_UNITY_GROUPS_cli_tests
  GROUP cli_tests_1
    tests/cli/test_command_line_text.cpp
    tests/cli/test_config_apply.cpp
    tests/cli/test_json_writer.cpp
    tests/cli/test_markdown.cpp
    tests/cli/test_progress_meter.cpp
    tests/cli/test_terminal_text.cpp
    tests/cli/test_text_layout.cpp
    tests/cli/test_text_table.cpp
  GROUP cli_tests_2
    tests/cli/test_config_file.cpp
    tests/cli/test_version_text.cpp
  GROUP cli_tests_3
    tests/cli/test_time_arg.cpp
    tests/cli/test_time_span.cpp
)
set(LOGDX_UNITY_GROUPS_logdx_cli_core
  GROUP logdx_cli_core_1
    cli/analysis_brief.cpp
    cli/analysis_json.cpp
    cli/analysis_markdown.cpp
    cli/analysis_report.cpp
    cli/analysis_text_hosts.cpp
    cli/analysis_text_sections.cpp
    cli/cache_folder.cpp
    cli/command_line_text.cpp
  GROUP logdx_cli_core_2
    cli/analysis_sarif.cpp
    cli/analysis_text.cpp
    cli/config_apply.cpp
    cli/config_file.cpp
    cli/evidence_context.cpp
    cli/json_writer.cpp
    cli/progress_meter.cpp
    cli/read_verdict.cpp
  GROUP logdx_cli_core_3
    cli/terminal_text.cpp
    cli/text_layout.cpp
    cli/text_table.cpp
    cli/time_arg.cpp
    cli/time_window.cpp
    cli/version_text.cpp
)
