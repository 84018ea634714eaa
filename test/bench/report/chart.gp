# The report's time per scale for the three designs, log-log (bench_report.sh):
#   gnuplot -e "data='results-report.dat'; out='results-report.png'" chart.gp
set terminal pngcairo size 720,460 font ",11"
set output out
set logscale xy
set xlabel "scale (1 = the demo: 292k case events, 367k journey legs)"
set ylabel "report time, warm (s)"
set title "The whole report, warm: migrec, plain PostgreSQL, jsonb (median)"
set key top left
set grid
set xtics (1, 10, 100)
plot data using 1:2 with linespoints lw 2 pt 7 title "migrec", \
     data using 1:3 with linespoints lw 2 pt 5 title "plain PostgreSQL", \
     data using 1:4 with linespoints lw 2 pt 9 title "jsonb documents"
