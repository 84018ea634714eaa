# forecast_chart.gp: the demo's chart of arrivals in Chiapas, observed and
# forecast.  gnuplot -e "data='forecast.csv'; out='forecast.png'" forecast_chart.gp
# data: day,expected,low,high,recorded,seen (CSV with a header), from the
# report: expected = seen (people already recorded entering the Darién) +
# not yet seen (people the upstream model expects to enter after the data).
set terminal pngcairo size 1100,550 font "sans,10"
set output out
set datafile separator ","
set datafile missing ""
set key autotitle columnhead top left
set xdata time
set timefmt "%Y-%m-%d"
set format x "%d %b"
set xtics 7*86400 rotate by 45 right
set grid ytics
set ylabel "people a day"
set title "Arrivals in Chiapas (MX-CHP): recorded, and forecast from entries into the Darién (PA-5), continued past the data"
set arrow from "2021-08-31", graph 0 to "2021-08-31", graph 1 nohead dashtype 2
set label "records end 31 Aug" at "2021-08-31", graph 0.96 right offset -0.5,0
set label "entries after 31 Aug:\nforecast by the upstream model" at "2021-09-22", graph 0.10
plot data using 1:3:4 with filledcurves lc rgb "#c6dbef" title "80% interval (calibrated)", \
     "" using 1:6:2 with filledcurves lc rgb "#fdae6b" fs transparent solid 0.7 title "from people not yet seen upstream", \
     "" using 1:6 with lines lw 1 dt 2 lc rgb "#08519c" title "from people already seen", \
     "" using 1:2 with lines lw 2 lc rgb "#08519c" title "expected", \
     "" using 1:5 with points pt 7 ps 0.5 lc rgb "#d94801" title "recorded"
